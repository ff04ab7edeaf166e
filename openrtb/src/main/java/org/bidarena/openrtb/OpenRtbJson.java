package org.bidarena.openrtb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.bidarena.openrtb.model.BidRequest;
import org.bidarena.openrtb.model.BidResponse;

/**
 * OpenRTB 2.6 JSON in and out, strictly: a value of the wrong JSON type is refused, never coerced (a float
 * for an integer field, a string for a number, an array for an object), so reading never changes a value.
 * What is read is then validated ({@link OpenRtbValidator}); a refusal is an {@link OpenRtbException} whose
 * message names the field by its JSON path.
 */
public final class OpenRtbJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfigDefaults(c -> c
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private OpenRtbJson() {}

  /** Reads and validates a BidRequest. */
  public static BidRequest readRequest(String json) {
    BidRequest request = read(json, BidRequest.class, "BidRequest");
    OpenRtbValidator.requireValid(request);
    return request;
  }

  /** Reads and validates a BidResponse. */
  public static BidResponse readResponse(String json) {
    BidResponse response = read(json, BidResponse.class, "BidResponse");
    OpenRtbValidator.requireValid(response);
    return response;
  }

  public static String write(Object openRtbObject) {
    try {
      return MAPPER.writeValueAsString(openRtbObject);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + openRtbObject.getClass().getSimpleName(), e);
    }
  }

  public static byte[] writeBytes(Object openRtbObject) {
    return write(openRtbObject).getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON tree of a text, for comparisons in tests and tools. */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new OpenRtbException("not JSON: " + e.getOriginalMessage());
    }
  }

  /** The JSON tree this model writes for an object. */
  public static JsonNode tree(Object openRtbObject) {
    return MAPPER.valueToTree(openRtbObject);
  }

  private static <T> T read(String json, Class<T> type, String what) {
    if (json == null || json.isBlank()) {
      throw new OpenRtbException(what + ": the body is empty");
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new OpenRtbException(what + ": the body is JSON null, not an object");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new OpenRtbException(what + at(e.getPath()) + ": " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new OpenRtbException(what + ": not JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new OpenRtbException(what + ": cannot be read: " + e.getMessage());
    }
  }

  /** A JSON path such as {@code .imp[0].banner.w} from Jackson's reference chain. */
  private static String at(List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return "";
    }
    return path.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining());
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
