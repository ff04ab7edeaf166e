package org.bidarena.app.allocate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Asks an OpenAI-compatible chat endpoint ({@code POST BASE/chat/completions}) to rewrite the rule-based
 * insights as a short note for a marketer. The key, when needed, comes from the environment variable
 * {@link #KEY_VARIABLE}, never from the command line. The rule-based insights stay the record: the rewrite is
 * printed after them, and a failing endpoint costs a warning, not the run.
 */
final class InsightsRewriter {
  static final String KEY_VARIABLE = "BIDARENA_INSIGHTS_API_KEY";
  private static final String SYSTEM = "You are a performance analyst and a budget strategist. Rewrite the"
      + " findings below as a short note for a marketer: trends and anomalies first, then the recommended budget"
      + " shifts with their reasons and expected effect. Keep every number as given; add no new figures.";

  private final URI endpoint;
  private final String model;
  private final String key;

  InsightsRewriter(String baseUrl, String model, String key) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/chat/completions");
    this.model = model;
    this.key = key;
  }

  /** The endpoint's rewrite of {@code insights}. */
  String rewrite(List<String> insights) throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode body = json.createObjectNode().put("model", model).put("temperature", 0);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM);
    messages.addObject().put("role", "user").put("content", String.join("\n", insights));
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (key != null && !key.isEmpty()) {
      request.header("Authorization", "Bearer " + key);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + endpoint);
    }
    JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new IOException("the answer of " + endpoint + " has no choices[0].message.content");
    }
    return content.asText();
  }
}
