package cn.tcsubsidy.engine;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Makes the engine's task queries (Tasklist's filters, {@code /engine-rest/task}, {@code TaskService}) join the
 * user's authorizations with a {@code left join}, as Camunda does when CMMN is enabled, instead of the
 * {@code inner join} it uses when CMMN is off ({@code TaskQueryImpl#decideAuthorizationJoinType}).
 *
 * <p>Why: the join condition is {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} over a sub-select of the user's
 * authorization rows (one per candidate group and task). With the inner join PostgreSQL starts from those rows and
 * tests every open task against each of them: 11.5 s (p50) for a town officer's 我的待办 at 50,000 open tasks
 * (docs/performance.md §4). The left join makes it start from the tasks (filtered by the candidate group's identity
 * link) and probe the authorizations by index.
 *
 * <p>The same rows come back: both queries keep a task only when {@code AUTH.RESOURCE_ID_ IS NOT NULL}. The left
 * join's statement adds {@code RES.CASE_EXECUTION_ID_ IS NOT NULL OR …} (Camunda shows every task of a case
 * instance); with CMMN disabled no task has a case execution (no case can be deployed or started, standalone tasks
 * are off), so that branch matches nothing. {@code TaskQueryAuthorizationJoinTest} compares both joins' results
 * for every role.
 *
 * <p>A MyBatis plug-in on the engine's executor, applied before the dynamic SQL is built; it touches only the two
 * task query statements and only their join type: which permissions are checked stays the engine's.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public final class TaskQueryAuthorizationJoin implements Interceptor {

    private static final String TASK_MAPPER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    static final String LIST = TASK_MAPPER + "selectTaskByQueryCriteria";
    static final String COUNT = TASK_MAPPER + "selectTaskCountByQueryCriteria";

    /** Off only to measure or compare with the engine's own inner join (tests, the benchmark). */
    private volatile boolean enabled;
    private final AtomicLong applied = new AtomicLong();

    private TaskQueryAuthorizationJoin(boolean enabled) {
        this.enabled = enabled;
    }

    /** Installs the plug-in on an engine with CMMN off (with CMMN on Camunda joins this way itself). */
    public static void install(ProcessEngineConfigurationImpl configuration, boolean enabled) {
        if (!configuration.isCmmnEnabled()) {
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(
                    new TaskQueryAuthorizationJoin(enabled));
        }
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Task queries this plug-in has switched to the left join (tests check it still finds the statements). */
    long applied() {
        return applied.get();
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        if (enabled && invocation.getArgs()[1] instanceof TaskQueryImpl query) {
            String statement = ((MappedStatement) invocation.getArgs()[0]).getId();
            if (LIST.equals(statement) || COUNT.equals(statement)) {
                query.getAuthCheck().setUseLeftJoin(true);
                applied.incrementAndGet();
            }
        }
        return invocation.proceed();
    }

    @Override
    public Object plugin(Object target) {
        // MyBatis offers every executor, parameter handler, result set handler and statement handler it creates (four
        // per statement); Plugin.wrap reads this class's annotations each time. Only executors are wrapped.
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    @Override
    public void setProperties(Properties properties) {
        // no properties
    }
}
