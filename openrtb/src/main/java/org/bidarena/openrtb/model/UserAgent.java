package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.29, object UserAgent. Field names and types follow the specification's table. */
public final class UserAgent extends OpenRtbObject {
  public List<BrandVersion> browsers;
  public BrandVersion platform;
  public Integer mobile;
  public String architecture;
  public String bitness;
  public String model;
  public Integer source;
}
