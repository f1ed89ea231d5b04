import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks that DJL's Hugging Face tokenizer (the Rust library the JVM uses) loads our
 * tokenizer.json and reproduces the ids that tools/tinyclap/bpe.py wrote into the golden
 * text_embeddings.json. Run with the project's runtime class path:
 *
 *   java -cp "$(cat cp.txt)" tools/tinyclap/TokenizerParity.java models/tiny-clap/tokenizer.json \
 *       src/test/resources/golden/tiny-clap/text_embeddings.json
 */
public class TokenizerParity {
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Map.of("addSpecialTokens", "false");
        JsonObject golden = JsonParser.parseString(Files.readString(Path.of(args[1]))).getAsJsonObject();
        int mismatches = 0;
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(Path.of(args[0]), options)) {
            for (JsonElement element : golden.getAsJsonArray("tokenization")) {
                JsonObject row = element.getAsJsonObject();
                String text = row.get("text").getAsString();
                long[] expected = row.getAsJsonArray("ids").asList().stream().mapToLong(JsonElement::getAsLong).toArray();
                Encoding encoding = tokenizer.encode(text);
                if (!Arrays.equals(expected, encoding.getIds())) {
                    mismatches++;
                    System.out.printf("MISMATCH %s%n  python %s%n  djl    %s %s%n", text, Arrays.toString(expected),
                            Arrays.toString(encoding.getIds()), Arrays.toString(encoding.getTokens()));
                }
            }
            System.out.printf("%d strings, %d mismatches%n", golden.getAsJsonArray("tokenization").size(), mismatches);
        }
        System.exit(mismatches == 0 ? 0 : 1);
    }
}
