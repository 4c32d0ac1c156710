package fi.suoja.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * NOT A TEST: the generator of the golden files in {@code src/test/resources/escpos}. Run it only
 * when the encoder's output is meant to change, then look at the diff and commit the new files:
 * <pre>
 * ./mvnw -q -o -pl hardware test -Dtest=EscPosGoldenFiles -Dsurefire.failIfNoSpecifiedTests=false -Descpos.regenerate=true
 * </pre>
 * Without {@code -Descpos.regenerate=true} it is skipped, so a normal build never rewrites them.
 */
@EnabledIfSystemProperty(named = "escpos.regenerate", matches = "true")
class EscPosGoldenFiles {

    static final Path DIRECTORY = Path.of("src/test/resources/escpos");

    @Test
    void regenerate() throws IOException {
        Files.createDirectories(DIRECTORY);
        for (Map.Entry<String, GoldenReceipts.Case> entry : GoldenReceipts.CASES.entrySet()) {
            GoldenReceipts.Case golden = entry.getValue();
            byte[] bytes = new EscPosEncoder(golden.printer()).encode(golden.receipt());
            Files.write(DIRECTORY.resolve(entry.getKey() + ".bin"), bytes);
        }
    }
}
