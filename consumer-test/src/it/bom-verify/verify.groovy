// The tests ran in the consumer's build (a failure there fails the invoker run before this script).
// This checks what they cannot see, from the compiler's debug lines in build.log: that the processor
// path, declared without a version, got this build's waotp-processor from the BOM.
def log = new File(basedir, 'build.log').text
def processorPaths = (log =~ /-processorpath (\S+)/).collect { m ->
    m[1].split(File.pathSeparator).findAll { it.endsWith('.jar') }.collect { new File(it).name }
}
assert processorPaths.size() == 2 : "expected the compile and test-compile processor paths, found ${processorPaths.size()}"
processorPaths.each { jars ->
    assert jars.contains("waotp-processor-${projectVersion}.jar".toString()) :
            "the processor path should hold waotp-processor ${projectVersion} from the BOM, but holds ${jars}"
}
true
