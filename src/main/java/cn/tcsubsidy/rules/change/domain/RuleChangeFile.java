package cn.tcsubsidy.rules.change.domain;

/** One table of a rule change as uploaded: its file name, bytes and their SHA-256 (hex). */
public record RuleChangeFile(String name, byte[] content, String sha256) {

    public long size() {
        return content.length;
    }
}
