#include "kabi.h"

struct driver_priv;

int drv_probe(struct device *dev, struct driver_priv *priv, union map_key key) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(drv_probe);

u32 drv_version(void) { return 1; }
__GENKSYMS_EXPORT_SYMBOL(drv_version);

int drv_zones[MAX_NR_ZONES][2];
__GENKSYMS_EXPORT_SYMBOL(drv_zones);

struct fw_table fw_table;
__GENKSYMS_EXPORT_SYMBOL(fw_table);
enum boot_state boot_state;
__GENKSYMS_EXPORT_SYMBOL(boot_state);
