package fi.suoja.agent;

/** The program that {@link AgentLaunchTest} starts through the agent's launcher: it only says that it ran. */
public final class LaunchProbe {

    private LaunchProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran");
    }
}
