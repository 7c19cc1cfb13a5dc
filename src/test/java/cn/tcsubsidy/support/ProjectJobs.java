package cn.tcsubsidy.support;

import cn.tcsubsidy.mail.process.SendMailJobHandler;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A project instance's own jobs (async continuations, timers) without the outbox's mail jobs, which the project's
 * instance carries as well (tc-send-mail).
 */
public final class ProjectJobs {

    private ProjectJobs() {
    }

    public static List<Job> of(ManagementService management, String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).list().stream()
                .filter(j -> !SendMailJobHandler.TYPE.equals(((JobEntity) j).getJobHandlerType())).toList();
    }

    /** The one job of the instance's own work; fails when there is none or more than one. */
    public static Job single(ManagementService management, String processInstanceId) {
        List<Job> jobs = of(management, processInstanceId);
        if (jobs.size() != 1) {
            throw new AssertionError("expected one job of instance " + processInstanceId + ", found " + jobs);
        }
        return jobs.get(0);
    }
}
