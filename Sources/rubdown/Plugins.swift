import AnswersPlugin
import BathPlugin
import CoreChatPlugin
import RubdownKit
import TechniquesPlugin
import TriagePlugin

/// Every plugin Rubdown dispatches to. Adding a plugin: one module, one line here.
let registeredPlugins = PluginRegistry([
    CoreChatPlugin(),
    FallbackPlugin(),
    TechniquesPlugin(),
    TriagePlugin(),
    BathPlugin(),
    AnswersPlugin(),
])
