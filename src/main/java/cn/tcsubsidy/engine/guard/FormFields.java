package cn.tcsubsidy.engine.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a caller may submit to each start event and user task: the keys of its Camunda Form's input fields, read
 * from the very models and forms the app deploys ({@code processes/*.bpmn}, {@code forms/*.form}). A disabled field
 * only shows a value of the instance (enterprise name, quote …); it is not input, and form-js does not submit it.
 * A dynamic list ({@code dynamiclist}, form-js 1.7+) is one input field, named by its {@code path}, whose value is a
 * list of rows: Tasklist submits it as a {@code Json} variable; its rows may hold only the keys of its components.
 */
public final class FormFields {

    /**
     * The fields of one form: what the caller fills in, and what the form only shows.
     *
     * @param lists the dynamic lists among the input fields, each with the keys its rows may hold
     */
    public record Fields(String formKey, Set<String> input, Set<String> shown, Map<String, Set<String>> lists) {

        public Fields(String formKey, Set<String> input, Set<String> shown) {
            this(formKey, input, shown, Map.of());
        }
    }

    /** The form-js component of a list of rows; its {@code path} names the variable. */
    static final String DYNAMIC_LIST = "dynamiclist";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fields NONE = new Fields(null, Set.of(), Set.of());

    private final Map<String, Fields> byActivity;
    private final Map<String, Fields> byStartOfProcess;

    private FormFields(Map<String, Fields> byActivity, Map<String, Fields> byStartOfProcess) {
        this.byActivity = Map.copyOf(byActivity);
        this.byStartOfProcess = Map.copyOf(byStartOfProcess);
    }

    /** Reads the forms and models from the classpath folders the app deploys them from. */
    public static FormFields fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            Map<String, Fields> forms = new HashMap<>();
            for (Resource r : resolver.getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = JSON.readTree(in);
                    Set<String> input = new HashSet<>();
                    Set<String> shown = new HashSet<>();
                    Map<String, Set<String>> lists = new HashMap<>();
                    collect(form.path("components"), input, shown, lists);
                    String id = form.path("id").asText();
                    forms.put(id, new Fields(id, Set.copyOf(input), Set.copyOf(shown), Map.copyOf(lists)));
                }
            }
            Map<String, Fields> byActivity = new HashMap<>();
            Map<String, Fields> byStart = new HashMap<>();
            for (Resource r : resolver.getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    BpmnModelInstance model = Bpmn.readModelFromStream(in);
                    for (Process process : model.getModelElementsByType(Process.class)) {
                        for (UserTask task : process.getChildElementsByType(UserTask.class)) {
                            byActivity.put(key(process.getId(), task.getId()), formOf(forms, task, task.getCamundaFormRef()));
                        }
                        for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                            if (start.getEventDefinitions().isEmpty()) {
                                byStart.put(process.getId(), formOf(forms, start, start.getCamundaFormRef()));
                            }
                        }
                    }
                }
            }
            return new FormFields(byActivity, byStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms and models", e);
        }
    }

    private static Fields formOf(Map<String, Fields> forms, FlowNode node, String formRef) {
        if (formRef == null) {
            return NONE;
        }
        Fields f = forms.get(formRef);
        if (f == null) {
            throw new IllegalStateException(node.getId() + " refers to form " + formRef + ", which is not in forms/");
        }
        return f;
    }

    private static void collect(JsonNode components, Set<String> input, Set<String> shown, Map<String, Set<String>> lists) {
        for (JsonNode c : components) {
            if (DYNAMIC_LIST.equals(c.path("type").asText())) {
                String path = c.path("path").asText();
                if (path.isEmpty() || path.contains(".")) {
                    throw new IllegalStateException("dynamic list " + c.path("id").asText() + " needs a plain path");
                }
                Set<String> rowKeys = new HashSet<>();
                Set<String> rowShown = new HashSet<>();
                collect(c.path("components"), rowKeys, rowShown, new HashMap<>());
                rowKeys.addAll(rowShown);
                input.add(path);
                lists.put(path, Set.copyOf(rowKeys));
                continue;
            }
            if (c.has("key")) {
                boolean disabled = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
                (disabled ? shown : input).add(c.get("key").asText());
            }
            if (c.has("components")) {
                collect(c.get("components"), input, shown, lists);
            }
        }
    }

    private static String key(String processKey, String activityId) {
        return processKey + "#" + activityId;
    }

    /** The fields of a user task; a task with no form takes no variables. */
    public Fields ofTask(String processKey, String activityId) {
        return byActivity.getOrDefault(key(processKey, activityId), NONE);
    }

    /** The fields of a process's none start event; a process with no start form takes no variables. */
    public Fields ofStart(String processKey) {
        return byStartOfProcess.getOrDefault(processKey, NONE);
    }
}
