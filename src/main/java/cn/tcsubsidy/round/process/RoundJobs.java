package cn.tcsubsidy.round.process;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Runs a tenant's asynchronous continuations now (the save points of the models: a round's step after the bureau's
 * click, each project's answer to the round), as the system: call it with no user signed in. For the demo data, which
 * walks rounds through in one go, and for tests that run without the job executor. Timers are left alone: a demo
 * round of a past year would otherwise close its recommendation before the towns recommend. With the job executor
 * running too, a job it took first is simply gone or conflicts; both are fine here.
 */
@Component
public class RoundJobs {

    private final ManagementService management;

    public RoundJobs(ManagementService management) {
        this.management = management;
    }

    /**
     * Executes the tenant's due continuations until none is due. A job that fails is left to its retries: its back-off moves
     * it into the future, or, out of retries, it is an incident; either way it is no longer due.
     *
     * @return the number of jobs that ran to their end here
     */
    public int runDue(String tenantId) {
        return run(tenantId, false);
    }

    /** Like {@link #runDue}, but a job that failed is an error of the caller's: its first failure is thrown. */
    public int runDueWithoutFailures(String tenantId) {
        return run(tenantId, true);
    }

    private int run(String tenantId, boolean strict) {
        int executed = 0;
        RuntimeException failure = null;
        for (int pass = 0; pass < 10_000; pass++) {
            List<Job> due = management.createJobQuery().tenantIdIn(tenantId).messages().executable()
                    .listPage(0, 100);
            if (due.isEmpty()) {
                if (strict && failure != null) {
                    throw failure;
                }
                return executed;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    executed++;
                } catch (OptimisticLockingException e) {
                    // The job executor ran it at the same time; the query shows what is left.
                } catch (RuntimeException e) {
                    // The job failed: the engine has recorded the failure on the job (retries, incident).
                    failure = failure == null ? e : failure;
                }
            }
        }
        throw new IllegalStateException("jobs of tenant " + tenantId + " keep coming: stopped after 10000 passes");
    }
}
