package org.bidarena.openrtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the model in step with openrtb-2.6-fields.txt, the field table copied from the specification:
 * every object and field of the table is in the model with the table's JSON name and type, and nothing else.
 */
class OpenRtbModelTest {
  @Test
  void modelShouldMatchTheSpecificationTableFieldForField() throws Exception {
    Map<String, List<String>> table = table();
    assertThat(table).hasSize(38);
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, List<String>> object : table.entrySet()) {
      Class<?> type = Class.forName("org.bidarena.openrtb.model." + object.getKey());
      List<String> model = new ArrayList<>();
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          JsonProperty name = f.getAnnotation(JsonProperty.class);
          model.add((name != null ? name.value() : f.getName()) + ":" + code(f.getGenericType()));
        }
      }
      if (!model.equals(object.getValue())) {
        mismatches.add(object.getKey() + ": table " + object.getValue() + " model " + model);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static String code(Type t) {
    if (t instanceof ParameterizedType p) {
      return "[" + code(p.getActualTypeArguments()[0]) + "]";
    }
    return switch (((Class<?>) t).getSimpleName()) {
      case "String" -> "s";
      case "Integer" -> "i";
      case "Long" -> "l";
      case "Double" -> "d";
      case "JsonNode" -> "b";
      default -> ((Class<?>) t).getSimpleName();
    };
  }

  private static Map<String, List<String>> table() throws IOException {
    Map<String, List<String>> table = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        OpenRtbModelTest.class.getClassLoader().getResourceAsStream("openrtb-2.6-fields.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        table.put(parts[0], List.of(parts).subList(2, parts.length));
      }
    }
    return table;
  }
}
