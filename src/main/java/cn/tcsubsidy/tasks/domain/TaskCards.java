package cn.tcsubsidy.tasks.domain;

/**
 * The name a task card (Tasklist) shows: the step's name from the model, then the project, its enterprise and
 * recommending unit, e.g. {@code 专家评审打分 · 智能产线改造(甲公司,河口街道)}. Tasklist shows the name on every card
 * to every role; a task's variables it shows only to those who may read them (experts and finance officers may not),
 * so the project goes into the name itself when the task is created.
 */
public final class TaskCards {

    /** Between the step's name and the project; {@link #stepName} cuts there. */
    public static final String SEPARATOR = " · ";
    /** ACT_RU_TASK.NAME_ is varchar(255). */
    static final int MAX_LENGTH = 255;
    static final int MAX_PART = 60;

    private TaskCards() {
    }

    /** The card's name for a project's task; a missing part is left out. */
    public static String name(String stepName, String projectName, String enterpriseName, String unitName) {
        String step = stepName == null ? "" : stepName;
        if (blank(projectName)) {
            return step;
        }
        StringBuilder b = new StringBuilder(step).append(SEPARATOR).append(cut(projectName));
        String who = join(cut(enterpriseName), cut(unitName));
        if (!who.isEmpty()) {
            b.append('(').append(who).append(')');
        }
        return b.length() <= MAX_LENGTH ? b.toString() : b.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The card's name for a round's task (no project): the step and the round's year. */
    public static String roundName(String stepName, Object roundYear) {
        String step = stepName == null ? "" : stepName;
        return roundYear == null ? step : step + SEPARATOR + roundYear + "年度";
    }

    /** The step's own name from a card's name (for mails, which name the project separately). */
    public static String stepName(String cardName) {
        if (cardName == null) {
            return null;
        }
        int at = cardName.indexOf(SEPARATOR);
        return at < 0 ? cardName : cardName.substring(0, at);
    }

    private static String join(String a, String b) {
        if (blank(a)) {
            return blank(b) ? "" : b;
        }
        return blank(b) ? a : a + "," + b;
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() <= MAX_PART ? t : t.substring(0, MAX_PART - 1) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
