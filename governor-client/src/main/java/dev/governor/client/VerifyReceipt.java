package dev.governor.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Checks one receipt from the command line, offline when the keys are a file:
 * {@code java -cp governor-client.jar:... dev.governor.client.VerifyReceipt RECEIPT ACTION.json KEYS.json|URL}.
 * Exit 0: genuine, unexpired, for this action (the outcome is printed); 1: refused; 2: usage.
 */
public final class VerifyReceipt {

    private VerifyReceipt() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, java.time.Instant.now()));
    }

    static int run(String[] args, java.io.PrintStream out, java.time.Instant now) throws IOException, InterruptedException {
        if (args.length != 3) {
            out.println("usage: VerifyReceipt <receipt> <action.json> <keys.json | http(s)://.../v1/keys>");
            return 2;
        }
        String jwks = args[2].startsWith("http://") || args[2].startsWith("https://") ? fetch(args[2])
                : Files.readString(Path.of(args[2]));
        Object action = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(args[1])));
        try {
            Receipts.Claims claims = Receipts.verify(args[0].strip(), action, Receipts.keys(jwks), now);
            out.println("valid: decision " + claims.decisionId() + " " + claims.outcome() + " for agent "
                    + claims.agentId() + ", policy " + claims.policyVersion() + ", audit seq " + claims.auditSeq()
                    + ", expires " + claims.expiresAt());
            return 0;
        } catch (Receipts.InvalidReceiptException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
    }

    private static String fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
        return r.body();
    }
}
