package org.bidarena.openrtb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenRTB 2.6 section 3.2.11, object Pmp. Field names and types follow the specification's table. */
public final class Pmp extends OpenRtbObject {
  @JsonProperty("private_auction")
  public Integer privateAuction;
  public List<Deal> deals;
}
