package fi.suoja.agent.wipe;

/** Told which step a wipe has reached, so the agent can send PROGRESS events on long wipes. */
@FunctionalInterface
public interface WipeProgress {

    WipeProgress NONE = step -> { };

    void step(String step);
}
