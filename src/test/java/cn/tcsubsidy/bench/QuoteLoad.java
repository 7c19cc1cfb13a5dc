package cn.tcsubsidy.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of client threads, each sending back-to-back requests over HTTP/1.1 keep-alive connections
 * (java.net.http.HttpClient), for a warm-up and then a measured time. Every answer must be 200; anything else (or
 * an I/O failure) is an error, counted and reported with its status.
 *
 * <p>The load: {@code POST /api/award-quotes} as the Jiyuan enterprise {@code jiyuan-ent-1} (HTTP Basic, as
 * support/Rest signs in: password = user name, a demo identity), a TECH_RETROFIT quote from AwardQuoteApiTest's
 * worked case (1,800,000.00, checked on the first answer); and {@code GET /api/projects} as the same user, the
 * baseline for what HTTP, Basic sign-in and the API's filters cost without a quote.
 */
final class QuoteLoad {

    static final String USER = "jiyuan-ent-1";
    static final String QUOTE_BODY = "{\"jurisdiction\":\"jiyuan\",\"category\":\"TECH_RETROFIT\","
            + "\"applicationDate\":\"2018-03-01\",\"completedInvestmentThisYear\":8000000,"
            + "\"equipmentInvestment\":5000000,\"rdInvestment\":1000000,\"productionStartDate\":\"2017-12-01\"}";
    static final BigDecimal QUOTE_AMOUNT = new BigDecimal("1800000.00");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** One load's outcome; latencies of the measured phase only. */
    record Stats(String name, int threads, long count, double seconds, long errors, Map<Integer, Long> errorStatuses,
                 Latencies.Sorted latencies) {

        double rate() {
            return count / seconds;
        }

        double errorRate() {
            long all = count + errors;
            return all == 0 ? 0 : (double) errors / all;
        }

        String row() {
            return String.format(Locale.ROOT, "%-26s %7d %9.1f %8s %8s %8s %8s %7d %s", name + " (" + threads + " thr)",
                    count, rate(), Latencies.ms(latencies.percentileMillis(50)),
                    Latencies.ms(latencies.percentileMillis(95)), Latencies.ms(latencies.percentileMillis(99)),
                    Latencies.ms(latencies.maxMillis()), errors, errorStatuses.isEmpty() ? "" : errorStatuses);
        }

        static String header() {
            return String.format(Locale.ROOT, "%-26s %7s %9s %8s %8s %8s %8s %7s", "load", "count", "rate/s",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        }

        void putFigures(String prefix, Map<String, Object> figures) {
            figures.put(prefix + ".count", count);
            figures.put(prefix + ".rate", rate());
            figures.put(prefix + ".p50Ms", latencies.percentileMillis(50));
            figures.put(prefix + ".p95Ms", latencies.percentileMillis(95));
            figures.put(prefix + ".p99Ms", latencies.percentileMillis(99));
            figures.put(prefix + ".maxMs", latencies.maxMillis());
            figures.put(prefix + ".errors", errors);
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;

    QuoteLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest quoteRequest() {
        return HttpRequest.newBuilder(URI.create(base + "/api/award-quotes"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(QUOTE_BODY, StandardCharsets.UTF_8)).build();
    }

    HttpRequest projectsRequest() {
        return HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    /** One quote, before any load: 200 with the worked case's amount, else the bench is measuring something else. */
    void checkQuote() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(quoteRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("quote as " + USER + ": " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        if (!body.path("eligible").asBoolean() || body.get("amount") == null
                || body.get("amount").decimalValue().compareTo(QUOTE_AMOUNT) != 0) {
            throw new IllegalStateException("quote as " + USER + " answered " + r.body() + ", expected eligible "
                    + QUOTE_AMOUNT);
        }
        HttpResponse<String> p = http.send(projectsRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (p.statusCode() != 200) {
            throw new IllegalStateException("GET /api/projects as " + USER + ": " + p.statusCode() + " " + p.body());
        }
    }

    /** {@code threads} threads sending {@code request} back to back: warm-up, then the measured phase. */
    Stats run(String name, HttpRequest request, int threads, Duration warmup, Duration measure)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        List<Latencies> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastFinish = new AtomicLong(measureFrom);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Latencies mine = new Latencies();
            perThread.add(mine);
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureUntil) {
                            break;
                        }
                        int status;
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            status = r.statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom) {
                            if (status == 200) {
                                mine.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                                statuses.merge(status, 1L, Long::sum);
                            }
                            lastFinish.accumulateAndGet(t1, Math::max);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-" + name + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        done.await();
        Latencies all = new Latencies();
        perThread.forEach(all::addAll);
        double seconds = (lastFinish.get() - measureFrom) / 1e9;
        return new Stats(name, threads, all.size(), seconds, errors.get(), new TreeMap<>(statuses), all.sorted());
    }
}
