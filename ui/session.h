// Session: what the explorer shows — the core's ExploreSession (explore/explore_session.h),
// shared read-only with every model; reloading makes a new one and the models swap pointers.
#pragma once

#include <memory>

#include "explore/explore_session.h"

namespace kabiscope::ui {

using Session = ExploreSession;
using SessionPtr = std::shared_ptr<const Session>;

}  // namespace kabiscope::ui
