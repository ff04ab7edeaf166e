package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.17, object Producer. Field names and types follow the specification's table. */
public final class Producer extends OpenRtbObject {
  public String id;
  public String name;
  public Integer cattax;
  public List<String> cat;
  public String domain;
}
