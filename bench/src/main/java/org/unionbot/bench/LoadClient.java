package org.unionbot.bench;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A closed-loop load client: {@code clients} threads each send one request, wait for the answer, and
 * send the next, for a fixed time. Latencies are recorded per request; bounded in count and time.
 */
final class LoadClient {
    record Result(String name, long requests, long errors, double seconds, double p50Millis, double p99Millis,
                  double maxMillis) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param body request body for the i-th JSON POST of the run */
    Result run(String name, URI uri, IntFunction<String> body, int clients, Duration duration,
               Predicate<String> validAnswer) throws InterruptedException {
        return run(name, n -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.apply(n))).build(), clients, duration, validAnswer);
    }

    /**
     * @param requests the i-th request of the run, built when it is sent (callbacks need fresh signatures,
     *     timestamps and message ids)
     * @param validAnswer a 200 whose body fails this counts as an error
     */
    Result run(String name, IntFunction<HttpRequest> requests, int clients, Duration duration,
               Predicate<String> validAnswer) throws InterruptedException {
        long endAt = System.nanoTime() + duration.toNanos();
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1_000_000];
            latencies.add(mine);
            int index = c;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < endAt && counts[index] < mine.length) {
                        HttpRequest request = requests.apply((int) sequence.getAndIncrement());
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request,
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            if (response.statusCode() != 200 || !validAnswer.test(response.body())) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine[counts[index]++] = System.nanoTime() - t0;
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, total, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
