package org.bidarena.training.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EnvService service = new EnvService(EnvSpec.of(EnvSessionTest.small(), List.of("adaptive"), 3.0));

  private JsonNode call(String request) throws Exception {
    return JSON.readTree(service.handle(request.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aClientMakesResetsAndStepsCopies() throws Exception {
    JsonNode hello = call("{\"op\":\"hello\"}");
    assertThat(hello.get("agents").get(0).asText()).isEqualTo("adaptive");
    assertThat(hello.get("observation_size").asInt()).isEqualTo(6);
    assertThat(hello.get("ticks").asInt()).isEqualTo(24);
    int a = call("{\"op\":\"make\"}").get("env").asInt();
    int b = call("{\"op\":\"make\"}").get("env").asInt();
    assertThat(a).isNotEqualTo(b);
    assertThat(call("{\"op\":\"reset\",\"env\":" + a + ",\"seed\":3}").get("obs").get(0)).hasSize(6);
    call("{\"op\":\"reset\",\"env\":" + b + ",\"seed\":3}");
    JsonNode many = call("{\"op\":\"step_many\",\"steps\":[{\"env\":" + a + ",\"actions\":[1.0]},{\"env\":" + b
        + ",\"actions\":[1.0]}]}");
    assertThat(many.get("ok").asBoolean()).isTrue();
    assertThat(many.get("results").get(0).get("rewards")).isEqualTo(many.get("results").get(1).get("rewards"));
    assertThat(many.get("results").get(0).get("info").get("tick").asInt()).isEqualTo(1);
    assertThat(many.get("results").get(0).get("info").get("auctions").asLong()).isPositive();
    assertThat(call("{\"op\":\"close\",\"env\":" + a + "}").get("ok").asBoolean()).isTrue();
    assertThat(service.envCount()).isEqualTo(1);
  }

  @Test
  void badRequestsGetOneLineAndTheCopyIsUntouched() throws Exception {
    int a = call("{\"op\":\"make\"}").get("env").asInt();
    call("{\"op\":\"reset\",\"env\":" + a + ",\"seed\":3}");
    assertThat(call("not json").get("error").asText()).startsWith("the request is not JSON");
    assertThat(call("{\"op\":\"fly\"}").get("error").asText()).isEqualTo(
        "unknown op 'fly'; allowed: hello, make, reset, step, step_many, record, close");
    assertThat(call("{\"op\":\"step\",\"env\":99,\"actions\":[1]}").get("error").asText())
        .isEqualTo("unknown env 99; this connection has [" + a + "]");
    assertThat(call("{\"op\":\"step\",\"env\":" + a + ",\"actions\":[NaN]}").get("error").asText())
        .isEqualTo("action 0 (agent adaptive) is NaN; allowed: a multiplier from 0 to 3.0");
    assertThat(call("{\"op\":\"step\",\"env\":" + a + ",\"actions\":[1,2]}").get("error").asText())
        .contains("expected 1 action(s)");
    assertThat(call("{\"op\":\"step\",\"env\":" + a + ",\"actions\":[\"x\"]}").get("error").asText())
        .contains("not a number");
    // a step_many with one bad action moves no copy
    assertThat(call("{\"op\":\"step_many\",\"steps\":[{\"env\":" + a + ",\"actions\":[1]},{\"env\":" + a
        + ",\"actions\":[9]}]}").get("ok").asBoolean()).isFalse();
    assertThat(call("{\"op\":\"step\",\"env\":" + a + ",\"actions\":[1]}").get("info").get("tick").asInt()).isEqualTo(1);
  }

  @Test
  void framesCarryTheirLengthAndACutStreamIsAnError() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Frames.write(out, "{\"op\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    Frames.write(out, new byte[0]);
    byte[] bytes = out.toByteArray();
    assertThat(bytes[3]).isEqualTo((byte) 14);
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    assertThat(new String(Frames.read(in), StandardCharsets.UTF_8)).isEqualTo("{\"op\":\"hello\"}");
    assertThat(Frames.read(in)).isEmpty();
    assertThat(Frames.read(in)).isNull();
    ByteArrayInputStream cut = new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, 10));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Frames.read(cut)).isInstanceOf(java.io.EOFException.class);
    ByteArrayInputStream huge = new ByteArrayInputStream(new byte[] {(byte) 0x7f, 0, 0, 0});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Frames.read(huge)).isInstanceOf(Frames.FrameTooLarge.class);
  }
}
