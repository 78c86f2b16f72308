// Escaping text for the report formats that need it: HTML and Markdown tables.
#pragma once

#include <string>

namespace kabiscope {

std::string htmlEscape(const std::string& text);      // & < > "
std::string markdownEscape(const std::string& text);  // | * _ ` < > get a backslash

}  // namespace kabiscope
