package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.21, object Data. Field names and types follow the specification's table. */
public final class Data extends OpenRtbObject {
  public String id;
  public String name;
  public List<Segment> segment;
}
