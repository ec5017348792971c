// The application's repackaged jar, as it is deployed: every library it runs with is a jar under BOOT-INF/lib/.
// Boot 4 is on Jackson 3 (tools.jackson), whose only piece from the old group is jackson-annotations; waotp must
// bring no Jackson 2 beside it. Each nested jar is known by its Maven coordinates (its pom.properties) and by the
// classes it holds, so that neither a renamed jar nor a shaded copy of Jackson 2 goes unseen.
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile
import java.util.zip.ZipInputStream

def jar = new File(basedir, 'target/waotp-boot-app-1.0.jar')
assert jar.isFile() : "no repackaged jar at ${jar}"

def libs = []
new ZipFile(jar).withCloseable { zip ->
    zip.entries().findAll { it.name.startsWith('BOOT-INF/lib/') && it.name.endsWith('.jar') }.each { entry ->
        def lib = [name: entry.name.substring('BOOT-INF/lib/'.length()), coordinates: [], jackson2Classes: false]
        new ZipInputStream(zip.getInputStream(entry)).withCloseable { nested ->
            for (def e = nested.nextEntry; e != null; e = nested.nextEntry) {
                if (e.name ==~ /META-INF\/maven\/[^\/]+\/[^\/]+\/pom\.properties/) {
                    def pom = new Properties()
                    pom.load(nested)
                    lib.coordinates << "${pom.groupId}:${pom.artifactId}:${pom.version}".toString()
                } else if (e.name.startsWith('com/fasterxml/jackson/core/')
                        || e.name.startsWith('com/fasterxml/jackson/databind/')) {
                    lib.jackson2Classes = true
                }
            }
        }
        libs << lib
    }
}
assert !libs.isEmpty() : "${jar} holds no BOOT-INF/lib/"

def jackson = libs.findAll { lib ->
    lib.name.contains('jackson') || lib.jackson2Classes || lib.coordinates.any { it.contains('jackson') }
}
println "Jackson in ${jar.name}:"
jackson.each { println "  BOOT-INF/lib/${it.name} ${it.coordinates.join(' ')}" }

def oldGroup = jackson.findAll { lib ->
    lib.coordinates.any { it.startsWith('com.fasterxml.jackson.core:') && !it.startsWith('com.fasterxml.jackson.core:jackson-annotations:') }
}
assert oldGroup.isEmpty() : "Jackson 2 beside Boot's Jackson 3: ${oldGroup*.name}"
def databind2 = libs.findAll { it.name.startsWith('jackson-databind-2.') }
assert databind2.isEmpty() : "jackson-databind 2 in the jar: ${databind2*.name}"
def shaded = libs.findAll { it.jackson2Classes }
assert shaded.isEmpty() : "Jackson 2's com.fasterxml.jackson.core or .databind classes in ${shaded*.name}"

// Not vacuous: waotp and Boot's Jackson 3 are in the jar.
['waotp-runtime-', 'waotp-spring-boot-starter-', 'waotp-testing-'].each { prefix ->
    assert libs.any { it.name.startsWith(prefix) } : "no ${prefix}*.jar in the jar"
}
assert libs.any { lib -> lib.coordinates.any { it.startsWith('tools.jackson.core:jackson-databind:3.') } } :
        "no Jackson 3 databind in the jar"

// And it runs on that one Jackson: a send through the starter's sender to dev mode's stub, answer read back.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = new ProcessBuilder(java, '-jar', jar.path).directory(basedir).redirectErrorStream(true).start()
def output = new StringBuilder()
def reader = Thread.start { run.inputStream.eachLine { output.append(it).append('\n') } }
if (!run.waitFor(120, TimeUnit.SECONDS)) {
    run.destroyForcibly()
    assert false : "the application did not stop within 120 s:\n${output}"
}
reader.join()
assert run.exitValue() == 0 : "the application exited with ${run.exitValue()}:\n${output}"
def sent = output =~ /(?m)^waotp sent (?!null$)\S+$/
assert sent.find() : "the application did not report a send:\n${output}"
println "The application ran: ${sent.group()}"
true
