package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.ADException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TapeOwnershipTest {

    @Test
    void a_tape_used_from_a_thread_that_does_not_own_it_fails_naming_both_threads() throws Exception {
        Tape mine = Tape.forCurrentThread();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                mine.begin();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "intruder");
        other.start();
        other.join();
        assertTrue(thrown.get() instanceof ADException, String.valueOf(thrown.get()));
        String message = thrown.get().getMessage();
        assertTrue(message.contains(Thread.currentThread().getName()) && message.contains("intruder"), message);
        assertFalse(mine.isRecording(), "the owner's tape is untouched");
    }
}
