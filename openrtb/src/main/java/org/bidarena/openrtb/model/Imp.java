package org.bidarena.openrtb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenRTB 2.6 section 3.2.4, object Imp. Field names and types follow the specification's table. */
public final class Imp extends OpenRtbObject {
  public String id;
  public List<Metric> metric;
  public Banner banner;
  public Video video;
  public Audio audio;
  @JsonProperty("native")
  public Native nativeAd;
  public Pmp pmp;
  public String displaymanager;
  public String displaymanagerver;
  public Integer instl;
  public String tagid;
  public Double bidfloor;
  public String bidfloorcur;
  public Integer clickbrowser;
  public Integer secure;
  public List<String> iframebuster;
  public Integer rwdd;
  public Integer ssai;
  public Integer exp;
  public Qty qty;
  public Double dt;
  public Refresh refresh;
}
