// The application's own tests ran in its build (LoginTest, DevModeTest: dev mode from the test class path).
// This checks what they cannot: what the packaged jar holds, and what it does when dev mode is asked of it.
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

def jar = new File(basedir, 'target/waotp-boot-shop-1.0.jar')
assert jar.isFile() : "spring-boot:repackage wrote no ${jar}"
def libs = new ZipFile(jar).withCloseable { zip ->
    zip.entries().collect { it.name }.findAll { it.startsWith('BOOT-INF/lib/') && it.endsWith('.jar') }
            .collect { it.substring('BOOT-INF/lib/'.length()) }.sort()
}
println "BOOT-INF/lib/ of ${jar.name} (${libs.size()} jars):"
libs.each { println "  ${it}" }

// The stub and its test libraries: none may ship.
def forbidden = libs.findAll { it.startsWith('waotp-testing-') || it.startsWith('mockwebserver') ||
        it.startsWith('junit-') || it.startsWith('okhttp-tls-') || it.startsWith('kotlin-test') }
assert forbidden.isEmpty() : "the packaged application holds the stub or test libraries: ${forbidden}"
assert libs.any { it.startsWith('waotp-spring-boot-starter-') } && libs.any { it.startsWith('waotp-runtime-') } :
        "the packaged application should hold the starter and the runtime: ${libs}"
// kotlin-stdlib is OkHttp's (okhttp-jvm is Kotlin), which the runtime sends with; the stub adds no other copy.
def kotlin = libs.findAll { it.startsWith('kotlin-') }
assert kotlin.every { it.startsWith('kotlin-stdlib-') } && kotlin.size() <= 1 && (kotlin.isEmpty() || libs.any { it.startsWith('okhttp-jvm-') }) :
        "only OkHttp's kotlin-stdlib may ship: ${kotlin}"

// Dev mode asked of the packaged jar stops, saying why, instead of starting without the stub.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = new ProcessBuilder(java, '-jar', jar.path, '--waotp.dev.enabled=true', '--server.port=0')
        .redirectErrorStream(true).start()
def output = new StringBuilder()
def reader = Thread.start { process.inputStream.eachLine { output.append(it).append('\n') } }
if (!process.waitFor(120, TimeUnit.SECONDS)) {
    process.destroyForcibly()
    assert false : "the packaged application started in dev mode instead of stopping:\n${output}"
}
reader.join(5000)
assert process.exitValue() != 0 : "the packaged application should not start in dev mode:\n${output}"
assert output.contains('APPLICATION FAILED TO START') &&
        output.contains('waotp.dev.enabled is true, but waotp-testing, whose Kaleyra stub dev mode runs, is not on the class path.') :
        "the report should say that dev mode needs waotp-testing:\n${output}"
true
