// The consumer's tests ran in its build (a failure there fails the invoker run before this script).
// This checks what they cannot see: the processor path the compiler used, read from its debug line.
def log = new File(basedir, 'build.log').text
def paths = (log =~ /-processorpath (\S+)/).collect { it[1] }
assert !paths.isEmpty() : 'no -processorpath in build.log: was the compiler debug line renamed?'
paths.each { path ->
    def jars = path.split(File.pathSeparator).findAll { it }.collect { new File(it).name }.sort()
    assert jars.size() == 2 && jars[0].startsWith('javapoet-') && jars[1].startsWith('waotp-processor-') :
            "the processor path should hold waotp-processor and JavaPoet only, but holds ${jars}"
}
assert new File(basedir, 'target/generated-sources/annotations/example/LoginCodeImpl.java').isFile()
true
