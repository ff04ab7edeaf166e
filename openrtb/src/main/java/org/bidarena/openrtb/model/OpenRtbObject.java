package org.bidarena.openrtb.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every OpenRTB object has: an {@code ext} object, and the fields this model does not name.
 *
 * <p>Both are kept as JSON trees so that a request or response read and written again loses nothing: a field
 * from a later 2.6 release, a vendor field or a deprecated 2.5 field comes back out exactly as it came in.
 */
public abstract class OpenRtbObject {
  /** The object's {@code ext}: exchange- or bidder-specific extensions, kept as read. */
  public ObjectNode ext;

  private final Map<String, JsonNode> unknown = new LinkedHashMap<>();

  /** Fields the specification's table (or this model) does not name, by name, in the order read. */
  @JsonAnyGetter
  public Map<String, JsonNode> unknownFields() {
    return unknown;
  }

  @JsonAnySetter
  public void unknownField(String name, JsonNode value) {
    unknown.put(name, value);
  }
}
