package cn.tcsubsidy.correction.domain;

import cn.tcsubsidy.project.domain.Project;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filing's and completion report's fields an enterprise may correct when a project is returned to it (form
 * {@code correct-project}): the project's name, its planned figures and dates, and its actual figures. Not the
 * jurisdiction, unit, enterprise, credit code, project code or category (who and what is asking: a wrong one is a
 * new filing) nor the payee (kept apart, never in the process's variables).
 */
public final class CorrectableFields {

    public static final String PROJECT_NAME = "projectName";
    public static final String PLANNED_TOTAL = "plannedTotalInvestment";
    public static final String PLANNED_EQUIPMENT = "plannedEquipmentInvestment";
    public static final String PLANNED_SOFTWARE = "plannedSoftwareInvestment";
    public static final String PLANNED_RD = "plannedRdInvestment";
    public static final String PLANNED_START = "plannedStartDate";
    public static final String PLANNED_END = "plannedEndDate";
    public static final String ACTUAL_TOTAL = "actualTotalInvestment";
    public static final String ACTUAL_EQUIPMENT = "actualEquipmentInvestment";
    public static final String ACTUAL_SOFTWARE = "actualSoftwareInvestment";
    public static final String ACTUAL_RD = "actualRdInvestment";

    /** In the form's order. */
    public static final List<String> ALL = List.of(PROJECT_NAME, PLANNED_TOTAL, PLANNED_EQUIPMENT, PLANNED_SOFTWARE,
            PLANNED_RD, PLANNED_START, PLANNED_END, ACTUAL_TOTAL, ACTUAL_EQUIPMENT, ACTUAL_SOFTWARE, ACTUAL_RD);

    /** The labels users read (the forms' and the history's). */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(PROJECT_NAME, "项目名称"), Map.entry(PLANNED_TOTAL, "计划总投资"),
            Map.entry(PLANNED_EQUIPMENT, "计划设备投资"), Map.entry(PLANNED_SOFTWARE, "其中软件及工艺包投资(计划)"),
            Map.entry(PLANNED_RD, "计划研发投入"), Map.entry(PLANNED_START, "计划开工日期"),
            Map.entry(PLANNED_END, "计划竣工日期"), Map.entry(ACTUAL_TOTAL, "实际总投资"),
            Map.entry(ACTUAL_EQUIPMENT, "实际设备投资"), Map.entry(ACTUAL_SOFTWARE, "其中软件及工艺包投资(实际)"),
            Map.entry(ACTUAL_RD, "实际研发投入"));

    public static final String NOTE = "correctionNote";
    /**
     * The form's key of the project's name: every task keeps a task-local copy of {@code projectName} for its
     * Tasklist card (TaskCardVariables), which a submitted {@code projectName} would not replace.
     */
    public static final String FORM_PROJECT_NAME = "correctedProjectName";

    /** The form's key of a field. */
    public static String formKey(String field) {
        return PROJECT_NAME.equals(field) ? FORM_PROJECT_NAME : field;
    }

    private CorrectableFields() {
    }

    /** The project's current values (money as plain decimals, dates as ISO text), null left out. */
    public static Map<String, Object> of(Project p) {
        Map<String, Object> v = new LinkedHashMap<>();
        put(v, PROJECT_NAME, p.projectName());
        put(v, PLANNED_TOTAL, plain(p.plannedTotalInvestment()));
        put(v, PLANNED_EQUIPMENT, plain(p.plannedEquipmentInvestment()));
        put(v, PLANNED_SOFTWARE, plain(p.plannedSoftwareInvestment()));
        put(v, PLANNED_RD, plain(p.plannedRdInvestment()));
        put(v, PLANNED_START, p.plannedStartDate() == null ? null : p.plannedStartDate().toString());
        put(v, PLANNED_END, p.plannedEndDate() == null ? null : p.plannedEndDate().toString());
        put(v, ACTUAL_TOTAL, plain(p.actualTotalInvestment()));
        put(v, ACTUAL_EQUIPMENT, plain(p.actualEquipmentInvestment()));
        put(v, ACTUAL_SOFTWARE, plain(p.actualSoftwareInvestment()));
        put(v, ACTUAL_RD, plain(p.actualRdInvestment()));
        return v;
    }

    private static void put(Map<String, Object> v, String key, Object value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
