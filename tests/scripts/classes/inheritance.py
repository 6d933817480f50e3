# Subclasses inherit and override methods.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return self.speak() + "."
class Dog(Animal):
    def speak(self):
        return f"{self.name} barks"
print(Animal("cat").describe(), Dog("rex").describe())
print(isinstance(Dog("a"), Animal), issubclass(Dog, Animal), issubclass(Animal, Dog))

# expect: cat makes a sound. rex barks.
# expect: True True False
