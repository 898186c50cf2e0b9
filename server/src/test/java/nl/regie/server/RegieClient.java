package nl.regie.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.regie.protocol.api.ApiJson;
import nl.regie.server.testing.TestTokens;

/** A plain HTTP client for tests that talk to a running server as any client would, with a bearer token. */
public final class RegieClient {

  /** A response: status, content type and the body, parsed when it is JSON. */
  public record Response(int status, String contentType, String body, JsonNode json, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  /** A client with a token that may do everything ({@link TestTokens#everything()}). */
  public RegieClient(int port) {
    this("http://127.0.0.1:" + port, TestTokens.everything());
  }

  private RegieClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server with another bearer token; {@code null}: none. */
  public RegieClient withToken(String token) {
    return new RegieClient(base, token);
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET that asks for {@code accept} (e.g. {@code application/xml}). */
  public Response get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
  }

  public Response post(String path, String json) {
    return post(path, "application/json", json);
  }

  public Response post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response send(HttpRequest.Builder request) {
    try {
      if (token != null) request.setHeader("Authorization", "Bearer " + token);
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = contentType.contains("json") && !response.body().isEmpty() ? ApiJson.mapper().readTree(response.body()) : null;
      return new Response(response.statusCode(), contentType, response.body(), json, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
