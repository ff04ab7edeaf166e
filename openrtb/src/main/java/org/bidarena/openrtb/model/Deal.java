package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.12, object Deal. Field names and types follow the specification's table. */
public final class Deal extends OpenRtbObject {
  public String id;
  public Double bidfloor;
  public String bidfloorcur;
  public Integer at;
  public List<String> wseat;
  public List<String> wadomain;
  public Integer guar;
  public Double mincpmpersec;
  public List<DurFloors> durfloors;
}
