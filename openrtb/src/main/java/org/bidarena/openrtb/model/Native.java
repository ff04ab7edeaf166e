package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.9, object Native. Field names and types follow the specification's table. */
public final class Native extends OpenRtbObject {
  public String request;
  public String ver;
  public List<Integer> api;
  public List<Integer> battr;
}
