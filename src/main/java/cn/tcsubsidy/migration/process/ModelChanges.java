package cn.tcsubsidy.migration.process;

import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.round.process.TcAnnualRoundProcess;
import java.util.List;
import java.util.Map;

/**
 * What Camunda's {@code mapEqualActivities()} cannot know about a process's history: elements renamed between
 * versions (mapped explicitly) and wait states taken out of the model (an instance waiting there is moved on to the
 * element that replaced it). Only the processes listed here are migrated; a change to their models that renames or
 * removes a wait state adds a line here, or the plan refuses the instances standing there and names them.
 */
public record ModelChanges(String processKey, boolean perTenant, Map<String, String> renamed, List<Retired> retired) {

    /**
     * A wait state of older versions with no counterpart: the instance is parked at {@code via} (a wait state both
     * versions have, without running its listeners), migrated, and started again before {@code resumeAt} in the new
     * version.
     */
    public record Retired(String activityId, String name, String via, String resumeAt, String why) {
    }

    static final String CONFIRM_NOTICE_OUTCOME = "Task_ConfirmNoticeOutcome";

    private static final Map<String, ModelChanges> KNOWN = Map.of(
            TcProjectProcess.KEY, new ModelChanges(TcProjectProcess.KEY, false, Map.of(), List.of(
                    // Until the objections were built (tc-objection), the bureau confirmed the notice's outcome by
                    // hand; now the check of the recorded objections decides, and waits while any is open.
                    new Retired(CONFIRM_NOTICE_OUTCOME, "确认公示结果", TcProjectProcess.Elements.NOTICE_CLOSED,
                            TcProjectProcess.Elements.CHECK_OBJECTIONS,
                            "公示结果改由系统核对公示期异议(tc-objection)确定,工信局不再手工确认"))),
            TcAnnualRoundProcess.KEY, new ModelChanges(TcAnnualRoundProcess.KEY, true, Map.of(), List.of()));

    /** @return the changes of a migratable process, or null for any other key */
    public static ModelChanges of(String processKey) {
        return KNOWN.get(processKey);
    }

    public static List<String> migratableKeys() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    Retired retiredAt(String activityId) {
        return retired.stream().filter(r -> r.activityId().equals(activityId)).findFirst().orElse(null);
    }
}
