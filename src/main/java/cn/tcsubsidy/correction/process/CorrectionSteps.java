package cn.tcsubsidy.correction.process;

import static cn.tcsubsidy.project.process.TcProjectProcess.Vars.PROJECT_ID;

import cn.tcsubsidy.correction.domain.CorrectableFields;
import cn.tcsubsidy.correction.domain.CorrectionService;
import cn.tcsubsidy.correction.domain.Revision;
import cn.tcsubsidy.correction.process.TcCorrectionProcess.Elements;
import cn.tcsubsidy.correction.process.TcCorrectionProcess.Values;
import cn.tcsubsidy.correction.process.TcCorrectionProcess.Vars;
import cn.tcsubsidy.engine.TaskSubmissionHandler;
import cn.tcsubsidy.project.domain.ProjectRepository;
import cn.tcsubsidy.project.process.ProjectTaskHandlers;
import cn.tcsubsidy.project.process.TcProjectProcess;
import cn.tcsubsidy.shared.ClockConfiguration;
import cn.tcsubsidy.shared.StepRefusedException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each step of tc-correction does in the domain, one line each. Everything the enterprise's task shows (the
 * points, the deadline, the current values) and everything tc-project reads back (the outcome, the corrected values)
 * comes from the project's open return ({@link CorrectionService}), never from a variable a caller could have set.
 */
@Configuration
public class CorrectionSteps {

    /**
     * Task_OpenCorrection: the task's assignee (the filing user) and its deadline, from the open return; the
     * correctable fields at the project's current values, which the form shows and the submission replaces (in the
     * instance's scope, where a submission lands).
     */
    @Bean
    public JavaDelegate openCorrectionDelegate(CorrectionService corrections, ProjectRepository projects) {
        return execution -> {
            long id = PROJECT_ID.get(execution);
            Revision r = corrections.requireOpen(id, "退回企业补正");
            Vars.ASSIGNEE.set(execution, projects.get(id).filedBy());
            Vars.DUE_AT.set(execution, Date.from(r.deadline().atZone(ClockConfiguration.BEIJING).toInstant()));
            Map<String, Object> current = CorrectableFields.of(projects.get(id));
            showValues(execution, current);
            execution.setVariable(CorrectableFields.FORM_PROJECT_NAME, current.get(CorrectableFields.PROJECT_NAME));
        };
    }

    /** On Task_CorrectProject's creation: the points, the deadline and the stage, task-local, read-only in the form. */
    @Bean
    public TaskListener correctionTaskListener(CorrectionService corrections) {
        return task -> {
            long id = PROJECT_ID.get(task);
            Revision r = corrections.requireOpen(id, "退回企业补正");
            Vars.POINTS.setLocal(task, r.points());
            Vars.DEADLINE_NOTE.setLocal(task, r.deadlineNote());
            Vars.STAGE_LABEL.setLocal(task, r.stage().label());
        };
    }

    /**
     * On tc-project's Task_ReviewCorrection (复核补正材料): the points the panel raised and what the enterprise changed,
     * task-local, for the panel lead's form.
     */
    @Bean
    public TaskListener reviewCorrectionTaskListener(CorrectionService corrections) {
        return task -> {
            java.util.List<Revision> all = corrections.of(PROJECT_ID.get(task));
            Revision r = all.get(all.size() - 1);
            Vars.POINTS.setLocal(task, r.points());
            Vars.CHANGES.setLocal(task, CorrectionService.changes(r.before(), r.after())
                    + (r.correctionNote() == null ? "" : ";企业说明:" + r.correctionNote()));
        };
    }

    @Bean
    public TaskSubmissionHandler correctProjectHandler(ProjectTaskHandlers tasks, CorrectionService corrections) {
        return tasks.forProject(Elements.CORRECT_PROJECT, corrections::correct);
    }

    /** Task_ReturnCorrected: the outcome and the corrected values, from the project, for tc-project's next forms. */
    @Bean
    public JavaDelegate returnCorrectedDelegate(CorrectionService corrections, ProjectRepository projects) {
        return execution -> {
            long id = PROJECT_ID.get(execution);
            String outcome = corrections.latestOutcome(id);
            if (!Values.CORRECTED.equals(outcome)) {
                throw new StepRefusedException("项目 " + id + " 的补正未完成(" + outcome + "),不能退回原环节");
            }
            Vars.OUTCOME.set(execution, outcome);
            showValues(execution, CorrectableFields.of(projects.get(id)));
        };
    }

    /** Task_ExpireCorrection: the deadline passed; the project is rejected with the points as the reason. */
    @Bean
    public JavaDelegate expireCorrectionDelegate(CorrectionService corrections) {
        return execution -> {
            corrections.expire(PROJECT_ID.get(execution));
            Vars.OUTCOME.set(execution, Values.EXPIRED);
        };
    }

    /** Every correctable field, as the project holds it (a field the project leaves empty is null). */
    private static void showValues(DelegateExecution execution, Map<String, Object> values) {
        Map<String, Object> shown = formValues(values);
        for (String key : Vars.FIELDS) {
            execution.setVariable(key, shown.get(key));
        }
    }

    /** Money as numbers (the forms' number fields), dates and names as text. */
    static Map<String, Object> formValues(Map<String, Object> values) {
        Map<String, Object> shown = new HashMap<>();
        values.forEach((key, value) -> shown.put(key, isDate(key) || CorrectableFields.PROJECT_NAME.equals(key)
                ? value : Double.valueOf((String) value)));
        return shown;
    }

    private static boolean isDate(String key) {
        return CorrectableFields.PLANNED_START.equals(key) || CorrectableFields.PLANNED_END.equals(key);
    }
}
