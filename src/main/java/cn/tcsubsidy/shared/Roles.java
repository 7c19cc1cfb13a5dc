package cn.tcsubsidy.shared;

/** Group ids per jurisdiction J. Candidate groups in the BPMN models are built the same way. */
public final class Roles {

    private Roles() {
    }

    public static String bureau(String j) {
        return j + "-bureau";
    }

    public static String finance(String j) {
        return j + "-finance";
    }

    public static String rules(String j) {
        return j + "-rules";
    }

    /**
     * 工信局负责人 (局长/分管领导): approves or rejects the jurisdiction's rule changes (the second pair of eyes beside
     * another rule administrator) and reads them; nothing else, in the app or the engine.
     */
    public static String head(String j) {
        return j + "-head";
    }

    public static String owner(String j) {
        return j + "-owner";
    }

    /** 审计监督: reads the jurisdiction's projects, ledger and history, and changes nothing. */
    public static String auditor(String j) {
        return j + "-auditor";
    }

    public static String experts(String j) {
        return j + "-experts";
    }

    public static String enterprise(String j) {
        return j + "-enterprise";
    }

    public static String town(String j, String unitCode) {
        return townPrefix(j) + unitCode;
    }

    /** What every town group of jurisdiction J starts with; the rest is the unit code. */
    public static String townPrefix(String j) {
        return j + "-town-";
    }

    /** Groups that read across their whole jurisdiction (the auditor only reads; the others act there too). */
    public static java.util.List<String> jurisdictionWide(String j) {
        return java.util.List.of(bureau(j), finance(j), rules(j), owner(j), auditor(j));
    }
}
