package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.6, object Banner. Field names and types follow the specification's table. */
public final class Banner extends OpenRtbObject {
  public List<Format> format;
  public Integer w;
  public Integer h;
  public List<Integer> btype;
  public List<Integer> battr;
  public Integer pos;
  public List<String> mimes;
  public Integer topframe;
  public List<Integer> expdir;
  public List<Integer> api;
  public String id;
  public Integer vcm;
}
