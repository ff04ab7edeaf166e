package org.bidarena.dashboard;

import java.util.Collection;
import java.util.StringJoiner;

/** The few JSON strings the server writes by hand. */
final class Json {
  private Json() {}

  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<' -> b.append("\\u003c");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String strings(Collection<String> all) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    all.forEach(s -> j.add(string(s)));
    return j.toString();
  }
}
