package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.numeric.BlackScholes;
import com.example.numeric.Piecewise;
import com.example.numeric.Rosenbrock;
import dev.ad4j.AD;
import dev.ad4j.agent.testing.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each thread records its own tape: gradients computed in several threads at once are all right. */
class ConcurrencyIT {

    @Test
    void gradients_recorded_in_four_threads_at_once_all_match_their_closed_forms() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < 40; round++) {
                        double[] x = random.doubles(50, -1.5, 1.5).toArray();
                        Checks.assertClose(Rosenbrock.gradient(x), AD.gradient(Rosenbrock::value, x), 1e-12);
                        double[] y = random.doubles(9, -1, 2).toArray();
                        Checks.assertClose(Piecewise.gradient(y), AD.gradient(Piecewise::value, y), 1e-12);
                        double[] p = {90 + 20 * random.nextDouble(), 100, 1, 0.02, 0.25};
                        Checks.assertClose(BlackScholes.greeks(p), AD.gradient(BlackScholes::price, p), 1e-12);
                        checked += 3;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertEquals(threads * 40 * 3, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
