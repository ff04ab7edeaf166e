package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.30, object BrandVersion. Field names and types follow the specification's table. */
public final class BrandVersion extends OpenRtbObject {
  public String brand;
  public List<String> version;
}
