package org.bidarena.openrtb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenRTB 2.6 section 3.2.3, object Regs. Field names and types follow the specification's table. */
public final class Regs extends OpenRtbObject {
  public Integer coppa;
  public Integer gdpr;
  @JsonProperty("us_privacy")
  public String usPrivacy;
  public String gpp;
  @JsonProperty("gpp_sid")
  public List<Integer> gppSid;
}
