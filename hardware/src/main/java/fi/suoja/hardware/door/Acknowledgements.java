package fi.suoja.hardware.door;

import fi.suoja.hardware.broker.BrokerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Send a command, wait for the lock's own report that confirms it, send again if none comes:
 * the part every MQTT lock adapter shares. Reports of type {@code M} come in through
 * {@link #offer}; each waiting command checks them.
 */
final class Acknowledgements<M> {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    /** Sends the command once; throws if the broker did not take it. */
    @FunctionalInterface
    interface Send {
        void send() throws BrokerException;
    }

    private record Waiting<M>(LockId lock, Function<M, Optional<LockResult>> check, CompletableFuture<LockResult> answer) {
    }

    private final Duration answerTimeout;
    private final int attempts;
    private final Set<Waiting<M>> waiting = ConcurrentHashMap.newKeySet();

    Acknowledgements(Duration answerTimeout, int attempts) {
        this.answerTimeout = answerTimeout;
        this.attempts = attempts;
    }

    LockResult command(LockId lock, String what, Send send, Function<M, Optional<LockResult>> check) {
        String reason = "no confirmation";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Waiting<M> command = new Waiting<>(lock, check, new CompletableFuture<>());
            waiting.add(command);
            try {
                send.send();
                LockResult result = command.answer().get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (result instanceof LockResult.Refused refused) {
                    log.warn("lock {}: {} refused: {}", lock, what, refused.reason());
                }
                return result;
            } catch (BrokerException e) {
                reason = "the broker is unreachable: " + e.getMessage();
                pause();
            } catch (TimeoutException e) {
                reason = "no confirmation within " + answerTimeout.toMillis() + " ms";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LockResult.NoAnswer("interrupted while waiting for the lock", attempt);
            } catch (ExecutionException e) {
                reason = "failed: " + e.getCause();
            } finally {
                waiting.remove(command);
            }
            log.warn("lock {}: {}: attempt {} of {}: {}", lock, what, attempt, attempts, reason);
        }
        return new LockResult.NoAnswer(reason, attempts);
    }

    /** A fresh report of a lock: every command waiting on that lock checks it. */
    void offer(LockId lock, M report) {
        for (Waiting<M> command : waiting) {
            if (command.lock().equals(lock)) {
                command.check().apply(report).ifPresent(command.answer()::complete);
            }
        }
    }

    /** Ends the wait of the commands to the locks that match, with a refusal. */
    void refuse(Predicate<LockId> locks, String reason) {
        for (Waiting<M> command : waiting) {
            if (locks.test(command.lock())) {
                command.answer().complete(new LockResult.Refused(reason));
            }
        }
    }

    /** Ends every wait, as when the adapter closes. */
    void abandon(String reason) {
        waiting.forEach(command -> command.answer().complete(new LockResult.NoAnswer(reason, 0)));
    }

    /** Between attempts that failed at once, as long as an attempt would have waited. */
    private void pause() {
        try {
            Thread.sleep(answerTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
