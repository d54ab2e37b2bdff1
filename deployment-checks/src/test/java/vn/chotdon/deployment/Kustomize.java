package vn.chotdon.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders an overlay with kubectl's built-in kustomize (kubectl 1.27+ has kustomize v5). */
final class Kustomize {

    private Kustomize() {
    }

    /** kubectl on the PATH, or null. */
    static Path kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String render(Path kubectl, Path overlay) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed: "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
