package cn.tcsubsidy.reliability;

import cn.tcsubsidy.bench.PipelineSimulation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.context.ApplicationContext;

/**
 * The driver's form submissions spread over two nodes: every second one goes to the peer node, as Tasklist there
 * would send it ({@code POST /engine-rest/task/{id}/submit-form}, HTTP Basic as the acting user, whose demo password
 * is the user name), the others to this node's engine. A submission the peer answers 204 is done; any other answer
 * fails the run. One that gets no answer (the peer died: connection refused or reset) is what a client re-sends to
 * the surviving node: here, unless the task is gone (the peer committed it before it died, only the answer was lost);
 * from then on every submission stays here.
 */
final class PeerCompletions implements PipelineSimulation.Completions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private volatile boolean peerAlive = true;
    private final AtomicLong turn = new AtomicLong();
    private final AtomicLong here = new AtomicLong();
    private final AtomicLong peer = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong resentHere = new AtomicLong();
    private final AtomicLong committedByPeer = new AtomicLong();
    private final AtomicLong busyRetries = new AtomicLong();

    PeerCompletions(ApplicationContext context, int peerPort) {
        this.tasks = context.getBean(TaskService.class);
        this.base = "http://127.0.0.1:" + peerPort;
    }

    boolean peerAlive() {
        return peerAlive;
    }

    @Override
    public void submit(String userId, String taskId, Map<String, Object> values, Runnable local) {
        if (!peerAlive || turn.getAndIncrement() % 2 == 0) {
            local.run();
            here.incrementAndGet();
            return;
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = http.send(request(userId, taskId, values), HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                peerAlive = false;
                unanswered.incrementAndGet();
                resendHere(taskId, local);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (answer.statusCode() == 204) {
                peer.incrementAndGet();
                return;
            }
            // 503: the peer's start-up gate; 500 with an optimistic-locking message: the peer's engine lost a race
            // with a job of the same instance (on either node), which Tasklist shows and the user submits again.
            boolean again = answer.statusCode() == 503 || answer.statusCode() == 500
                    && answer.body().contains("OptimisticLockingException");
            if (again && attempt < 20) {
                busyRetries.incrementAndGet();
                pause(200);
                continue;
            }
            throw new IllegalStateException("the peer node answered " + answer.statusCode() + " to " + userId
                    + "'s submission of task " + taskId + ": " + answer.body());
        }
    }

    /** The surviving node takes a submission the peer never answered, unless the peer had committed it. */
    private void resendHere(String taskId, Runnable local) {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                committedByPeer.incrementAndGet();
                return;
            }
            try {
                local.run();
                resentHere.incrementAndGet();
                return;
            } catch (OptimisticLockingException e) {
                // The dead node's transaction held the task until PostgreSQL ended it: look again.
            } catch (ProcessEngineException e) {
                if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
                    throw e;
                }
            }
            pause(100);
        }
        throw new IllegalStateException("task " + taskId + " could not be re-sent to the surviving node");
    }

    private HttpRequest request(String userId, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof SerializableValue typed
                // A JSON list (Spin), as Tasklist's custom fields send it.
                ? Map.of("type", "Json", "value", typed.getValueSerialized())
                : Map.of("value", value)));
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("variables", variables));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String token = Base64.getEncoder().encodeToString((userId + ":" + userId).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + taskId + "/submit-form"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("completionsHere", here.get());
        f.put("completionsPeer", peer.get());
        f.put("peerUnanswered", unanswered.get());
        f.put("resentHere", resentHere.get());
        f.put("committedByPeerUnanswered", committedByPeer.get());
        f.put("peerBusyRetries", busyRetries.get());
        f.put("peerAliveAtEnd", peerAlive);
        return f;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
