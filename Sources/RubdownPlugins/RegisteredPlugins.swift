import AnswersPlugin
import BathPlugin
import CoreChatPlugin
import FallbackPlugin
import RubdownKit
import TechniquesPlugin
import TriagePlugin

/// Every plugin Rubdown dispatches to, for the executable, the build tool that compiles the
/// bundled coach, the tests and the fuzzer. Adding a plugin: one module, one line here.
public let registeredPlugins = PluginRegistry([
    CoreChatPlugin(),
    FallbackPlugin(),
    TechniquesPlugin(),
    TriagePlugin(),
    BathPlugin(),
    AnswersPlugin(),
])
