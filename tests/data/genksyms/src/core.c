#include "kabi.h"

struct device *device_create(struct device *parent, const char *fmt, ...) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_create);

int device_for_each(struct device *start, device_cb cb, void *data) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_for_each);

struct list_head device_list;
__GENKSYMS_EXPORT_SYMBOL(device_list);

u64 zone_sizes[MAX_NR_ZONES];
__GENKSYMS_EXPORT_SYMBOL(zone_sizes);

static inline int helper(void) { return 1; }
int plain_function(int a, unsigned long b) { return helper(); }
__GENKSYMS_EXPORT_SYMBOL(plain_function);

int device_register(struct device *dev) { return 0; }
__GENKSYMS_EXPORT_SYMBOL(device_register);
