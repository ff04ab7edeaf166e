package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.33, object Refresh. Field names and types follow the specification's table. */
public final class Refresh extends OpenRtbObject {
  public List<RefSettings> refsettings;
  public Integer count;
}
