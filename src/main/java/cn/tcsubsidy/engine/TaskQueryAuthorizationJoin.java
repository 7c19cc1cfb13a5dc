package cn.tcsubsidy.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
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
 *
 * <p>Then, on the same two statements once their SQL is built (the statement handler's {@code prepare}), the one
 * join {@code left join (…authorizations…) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))} is split into three
 * joins on equalities, each over the same sub-select with the same parameters ({@code AUTH} on the task's id,
 * {@code AUTH_DEF} on its definition's key, {@code AUTH_ANY} on {@code '*'}), and {@code AUTH.RESOURCE_ID_ IS NOT
 * NULL} becomes "any of the three is not null". The same tasks pass (a task passes when an authorization row matches
 * one of the three ids, either way); both statements select {@code distinct}, so the extra joins add no row. Why:
 * PostgreSQL can neither hash nor merge on the {@code IN}, and tested each candidate task against each of the user's
 * authorization rows (820 × 820 for a town officer at 50,000 open tasks: 81 ms for the count; split, 27 ms;
 * docs/performance.md §4). A statement of any other shape (the revoke checks' variant, another database's dialect,
 * a Camunda version that writes it differently) is left as the engine wrote it.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class})})
public final class TaskQueryAuthorizationJoin implements Interceptor {

    private static final String TASK_MAPPER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    static final String LIST = TASK_MAPPER + "selectTaskByQueryCriteria";
    static final String COUNT = TASK_MAPPER + "selectTaskCountByQueryCriteria";

    /** Off only to measure or compare with the engine's own inner join (tests, the benchmark). */
    private volatile boolean enabled;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong split = new AtomicLong();

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

    /** Task query statements whose authorization join was split (tests check the rewrite is not silently skipped). */
    long split() {
        return split.get();
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        if (invocation.getTarget() instanceof StatementHandler handler) {
            if (enabled) {
                splitAuthorizationJoin(handler);
            }
            return invocation.proceed();
        }
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
        return target instanceof Executor || target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    private void splitAuthorizationJoin(StatementHandler handler) {
        if (!(handler instanceof RoutingStatementHandler)
                || !(SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement") instanceof MappedStatement ms)) {
            return;
        }
        String statement = ms.getId();
        if (!LIST.equals(statement) && !COUNT.equals(statement)) {
            return;
        }
        BoundSql bound = handler.getBoundSql();
        split(bound.getSql(), bound.getParameterMappings()).ifPresent(r -> {
            MetaObject b = SystemMetaObject.forObject(bound);
            b.setValue("sql", r.sql());
            b.setValue("parameterMappings", r.parameters());
            split.incrementAndGet();
        });
    }

    /** The statement with its authorization join split, and its parameters in their new order. */
    record Split(String sql, List<ParameterMapping> parameters) {
    }

    private static final Pattern IN_JOIN = Pattern.compile(
            "\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEFT_JOIN_END = Pattern.compile("left\\s+join\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONDITION = Pattern.compile("\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_REFERENCE = Pattern.compile("\\bAUTH\\.", Pattern.CASE_INSENSITIVE);

    /**
     * Splits {@code left join (S) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))} into three joins over
     * {@code S}; empty when the statement is not exactly of the expected shape (one such join, {@code AUTH} referred
     * to only there and in one {@code (AUTH.RESOURCE_ID_ IS NOT NULL)}, one parameter per {@code ?}).
     */
    static Optional<Split> split(String sql, List<ParameterMapping> parameters) {
        Matcher join = IN_JOIN.matcher(sql);
        if (!join.find()) {
            return Optional.empty();
        }
        int close = join.start();
        int joinEnd = join.end();
        if (join.find()) {
            return Optional.empty();
        }
        int open = matchingOpen(sql, close);
        if (open < 0 || !LEFT_JOIN_END.matcher(sql.substring(0, open)).find()) {
            return Optional.empty();
        }
        Matcher condition = CONDITION.matcher(sql);
        if (!condition.find(joinEnd)) {
            return Optional.empty();
        }
        int conditionStart = condition.start();
        int conditionEnd = condition.end();
        if (condition.find() || count(AUTH_REFERENCE.matcher(sql)) != 2 || count(sql, 0, sql.length()) != parameters.size()) {
            return Optional.empty();
        }
        String select = sql.substring(open + 1, close);
        int before = count(sql, 0, open);
        int inSelect = count(sql, open + 1, close);
        String joins = ") AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)"
                + " left join (" + select + ") AUTH_DEF ON (AUTH_DEF.RESOURCE_ID_ = D.KEY_)"
                + " left join (" + select + ") AUTH_ANY ON (AUTH_ANY.RESOURCE_ID_ = '*')";
        String rewritten = sql.substring(0, close) + joins + sql.substring(joinEnd, conditionStart)
                + "(AUTH.RESOURCE_ID_ IS NOT NULL OR AUTH_DEF.RESOURCE_ID_ IS NOT NULL OR AUTH_ANY.RESOURCE_ID_ IS NOT NULL)"
                + sql.substring(conditionEnd);
        List<ParameterMapping> reordered = new ArrayList<>(parameters.subList(0, before + inSelect));
        List<ParameterMapping> selectParameters = parameters.subList(before, before + inSelect);
        reordered.addAll(selectParameters);
        reordered.addAll(selectParameters);
        reordered.addAll(parameters.subList(before + inSelect, parameters.size()));
        return Optional.of(new Split(rewritten, reordered));
    }

    /** The index of the {@code (} that {@code close} closes, or -1; the statement's quoted texts hold no parenthesis. */
    private static int matchingOpen(String sql, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = sql.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The parameters ({@code ?}) in {@code sql[from, to)}. */
    private static int count(String sql, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += sql.charAt(i) == '?' ? 1 : 0;
        }
        return n;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public void setProperties(Properties properties) {
        // no properties
    }
}
