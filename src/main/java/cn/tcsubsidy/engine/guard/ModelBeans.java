package cn.tcsubsidy.engine.guard;

import java.util.AbstractMap;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans an engine expression ({@code ${…}}) may name: the app's delegates and listeners, which the models bind
 * with {@code delegateExpression}, and nothing else — not {@code identityService}, not the data source, not any
 * other Spring bean. Looked up when first named, so the engine can be built before the delegates exist.
 */
public final class ModelBeans extends AbstractMap<Object, Object> {

    private static final Set<Class<?>> PROCESS_CODE = Set.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

    private final ApplicationContext context;

    public ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
        if (!(name instanceof String bean) || !context.containsBean(bean)) {
            return false;
        }
        Class<?> type = context.getType(bean);
        return type != null && PROCESS_CODE.stream().anyMatch(t -> t.isAssignableFrom(type));
    }

    @Override
    public Object get(Object name) {
        return containsKey(name) ? context.getBean((String) name) : null;
    }

    /** Not enumerable: expressions ask for one bean by name. */
    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
