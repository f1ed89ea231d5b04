package dev.zebrastream.model;

/** Where inference runs: {@code cpu}, or a CUDA device ({@code cuda}, {@code cuda:N}). */
public record ExecutionDevice(boolean cuda, int deviceId) {

    public static final ExecutionDevice CPU = new ExecutionDevice(false, 0);

    public static ExecutionDevice parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("cuda")) {
            return new ExecutionDevice(true, 0);
        }
        if (t.startsWith("cuda:")) {
            try {
                int id = Integer.parseInt(t.substring(5));
                if (id >= 0) {
                    return new ExecutionDevice(true, id);
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("device must be cpu, cuda or cuda:N, got '" + text + "'");
    }

    @Override
    public String toString() {
        return cuda ? "cuda:" + deviceId : "cpu";
    }
}
